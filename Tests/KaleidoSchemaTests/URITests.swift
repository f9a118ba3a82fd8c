import Testing
@testable import KaleidoSchema

/// Reference resolution (RFC 3986 §5.4's examples, and file names with dots, which take the
/// fast path that skips dot-segment removal).
@Suite struct URITests {
    @Test(arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("#s", "http://a/b/c/d;p?q#s"), (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"),
        ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("defs.yaml#/$defs/date", "http://a/b/c/defs.yaml#/$defs/date"), ("x/defs.v2.yaml", "http://a/b/c/x/defs.v2.yaml"),
    ])
    func resolvesAsTheRFCSays(reference: String, expected: String) {
        #expect(URI("http://a/b/c/d;p?q").resolving(reference).description == expected)
    }
}
