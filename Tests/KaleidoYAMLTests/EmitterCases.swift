@testable import KaleidoYAML

/// The emitter's truth table: one hand-built tree per line and the exact document it must give.
enum EmitterCases {
    typealias T = Tree
    static let four = YAMLEmitter.Options(indent: 4)
    static let indentless = YAMLEmitter.Options(indentSequencesInMappings: false)

    static let scalars: [EmitCase] = [
        EmitCase(name: "plain integer stays plain", node: T.plain("42"), expected: "42\n"),
        EmitCase(name: "1.1 octal-looking integer in decimal", node: T.plain("01004"), expected: "1004\n"),
        EmitCase(name: "0o integer in decimal", node: T.plain("0o17"), expected: "15\n"),
        EmitCase(name: "hex integer keeps its spelling", node: T.plain("0x1F"), expected: "0x1F\n"),
        EmitCase(name: "tilde null", node: T.plain("~"), expected: "~\n"),
        EmitCase(name: "empty root null", node: T.plain(""), expected: "null\n"),
        EmitCase(name: "float keeps its spelling", node: T.plain("1."), expected: "1.\n"),
        EmitCase(name: "plain NO is a string", node: T.plain("NO"), expected: "'NO'\n"),
        EmitCase(name: "quoted number", node: YAMLNode(.scalar("42", .singleQuoted)), expected: "'42'\n"),
        EmitCase(name: "empty values", node: T.record([("a", T.plain("")), ("b", T.plain("~"))]), expected: "a:\nb: ~\n"),
        EmitCase(name: "empty items", node: T.sequence([T.plain(""), T.plain("x")]), expected: "-\n- x\n"),
    ]

    static func notes(_ text: String) -> YAMLNode { T.record([("notes", T.string(text))]) }

    static let blockScalars: [EmitCase] = [
        EmitCase(name: "literal strip", node: notes("line1\nline2"), expected: "notes: |-\n  line1\n  line2\n"),
        EmitCase(name: "literal clip", node: notes("a\n"), expected: "notes: |\n  a\n"),
        EmitCase(name: "literal keep one", node: notes("a\n\n"), expected: "notes: |+\n  a\n\n"),
        EmitCase(name: "literal keep two", node: notes("a\n\n\n"), expected: "notes: |+\n  a\n\n\n"),
        EmitCase(name: "indentation indicator", node: notes(" indented\nx\n"), expected: "notes: |2\n   indented\n  x\n"),
        EmitCase(name: "leading empty line", node: notes("\nleading\n"), expected: "notes: |\n\n  leading\n"),
        EmitCase(name: "indicator after empty line", node: notes("\n  deep\n"), expected: "notes: |2\n\n    deep\n"),
        EmitCase(name: "inner empty line", node: notes("a\n\nb"), expected: "notes: |-\n  a\n\n  b\n"),
        EmitCase(name: "non-ASCII literal", node: notes("Sfax — صفاقس\nfête 🎉\n"),
                 expected: "notes: |\n  Sfax — صفاقس\n  fête 🎉\n"),
        EmitCase(name: "indicators inside a literal", node: notes("# no comment\n--- no marker\n- no item: x\n"),
                 expected: "notes: |\n  # no comment\n  --- no marker\n  - no item: x\n"),
        EmitCase(name: "trailing spaces need quotes", node: notes("trailing \nx"), expected: "notes: \"trailing \\nx\"\n"),
        EmitCase(name: "only line breaks", node: notes("\n\n"), expected: "notes: \"\\n\\n\"\n"),
        EmitCase(name: "tab needs quotes", node: notes("a\tb\nc"), expected: "notes: \"a\\tb\\nc\"\n"),
        EmitCase(name: "CRLF needs quotes", node: notes("a\r\nb\r\n"), expected: "notes: \"a\\r\\nb\\r\\n\"\n"),
        EmitCase(name: "blank line needs quotes", node: notes("x\n  \ny"), expected: "notes: \"x\\n  \\ny\"\n"),
        EmitCase(name: "nested literal", node: T.record([("a", notes("x\ny"))]), expected: "a:\n  notes: |-\n    x\n    y\n"),
        EmitCase(name: "literals as items", node: T.sequence([T.string("x\ny"), T.string(" z\nw")]),
                 expected: "- |-\n  x\n  y\n- |2-\n   z\n  w\n"),
        EmitCase(name: "literal in a compact mapping", node: T.sequence([T.record([("k", T.string(" z\nw"))])]),
                 expected: "- k: |2-\n     z\n    w\n"),
        EmitCase(name: "literal in an indentless sequence", node: T.record([("k", T.sequence([T.string(" z\nw")]))]),
                 expected: "k:\n- |2-\n   z\n  w\n", options: indentless),
        EmitCase(name: "root literal", node: T.string("x\ny\n"), expected: "|\n  x\n  y\n"),
        EmitCase(name: "root literal with indicator", node: T.string(" x\n---\n"), expected: "|2\n   x\n  ---\n"),
        EmitCase(name: "literal item, indent 4", node: T.sequence([T.string("a\nb")]), expected: "-   |-\n    a\n    b\n",
                 options: four),
    ]

    static let partner = T.record([
        ("id", T.plain("tn-mun-sfax")),
        ("name", T.record([("fr", T.plain("Sfax")), ("ar", T.plain("صفاقس"))])),
        ("country", T.plain("TN")),
    ])
    static let partners = T.record([
        ("partners", T.sequence([T.record([("id", T.plain("x")), ("role", T.plain("lead"))]), T.record([("id", T.plain("y"))])])),
    ])

    static let layout: [EmitCase] = [
        EmitCase(name: "nested mapping", node: partner, expected: "id: tn-mun-sfax\nname:\n  fr: Sfax\n  ar: صفاقس\ncountry: TN\n"),
        EmitCase(name: "sequence under a key", node: T.record([("countries", T.sequence([T.plain("FR"), T.string("NO")]))]),
                 expected: "countries:\n  - FR\n  - 'NO'\n"),
        EmitCase(name: "indentless sequence under a key", node: T.record([("countries", T.sequence([T.plain("FR")]))]),
                 expected: "countries:\n- FR\n", options: indentless),
        EmitCase(name: "compact mappings in a sequence", node: partners,
                 expected: "partners:\n  - id: x\n    role: lead\n  - id: 'y'\n"),
        EmitCase(name: "compact mappings, indentless", node: partners,
                 expected: "partners:\n- id: x\n  role: lead\n- id: 'y'\n", options: indentless),
        EmitCase(name: "sequences of sequences", node: T.sequence([T.sequence([T.plain("a"), T.plain("b")]), T.sequence([T.plain("c")])]),
                 expected: "- - a\n  - b\n- - c\n"),
        EmitCase(name: "sequence inside a compact mapping",
                 node: T.sequence([T.record([("id", T.plain("x")), ("tags", T.sequence([T.plain("a"), T.plain("b")]))])]),
                 expected: "- id: x\n  tags:\n    - a\n    - b\n"),
        EmitCase(name: "empty collections",
                 node: T.record([("a", T.sequence([])), ("b", T.record([])), ("c", T.sequence([T.sequence([]), T.record([])]))]),
                 expected: "a: []\nb: {}\nc:\n  - []\n  - {}\n"),
        EmitCase(name: "empty root sequence", node: T.sequence([]), expected: "[]\n"),
        EmitCase(name: "empty root mapping", node: T.record([]), expected: "{}\n"),
        EmitCase(name: "indent 4",
                 node: T.record([("a", T.record([("b", T.sequence([T.plain("x"), T.record([("c", T.plain("d")), ("e", T.plain("f"))])]))]))]),
                 expected: "a:\n    b:\n        -   x\n        -   c: d\n            e: f\n", options: four),
        EmitCase(name: "conflict entry",
                 node: T.record([("phone", T.string("+33 4 75 11 11 11")), ("_conflicts", T.sequence([T.record([
                     ("path", T.plain("phone")), ("base", T.string("+33 4 75 00 00 00")), ("at", T.string("2026-11-27T10:42:00Z")),
                 ])]))]),
                 expected: "phone: +33 4 75 11 11 11\n_conflicts:\n  - path: phone\n    base: +33 4 75 00 00 00\n    at: '2026-11-27T10:42:00Z'\n"),
    ]

    static let core = ScalarResolver.coreTagPrefix
    static let properties: [EmitCase] = [
        EmitCase(name: "anchored mapping and alias",
                 node: T.record([("base", T.record([("x", T.plain("1"))], anchor: "b")), ("copy", T.alias("b"))]),
                 expected: "base: &b\n  x: 1\ncopy: *b\n"),
        EmitCase(name: "anchored scalar", node: T.record([("a", T.plain("42", anchor: "n")), ("b", T.alias("n"))]),
                 expected: "a: &n 42\nb: *n\n"),
        EmitCase(name: "anchored item is not compact",
                 node: T.sequence([T.record([("x", T.plain("1")), ("y", T.plain("2"))], anchor: "m"), T.alias("m")]),
                 expected: "- &m\n  x: 1\n  'y': 2\n- *m\n"),
        EmitCase(name: "anchored empty value", node: T.record([("a", T.plain("", anchor: "e")), ("b", T.alias("e"))]),
                 expected: "a: &e\nb: *e\n"),
        EmitCase(name: "scalar tags", node: T.record([
            ("a", T.plain("x", tag: "!custom")), ("b", YAMLNode(.scalar("R0lG\nODlh\n", .literal), tag: core + "binary")),
            ("c", T.plain("42", tag: core + "str")), ("d", YAMLNode(.scalar("42", .doubleQuoted), tag: core + "int")),
            ("e", T.plain("3", tag: core + "float")), ("f", T.plain("42", tag: "!")),
            ("g", T.plain("bar", tag: "tag:example.com,2000:app/foo")), ("h", T.plain("", tag: core + "null")),
            ("i", T.plain("foo", tag: core + "null")), ("j", T.string("yes", anchor: "y")), ("k", T.plain(".inf", tag: "!")),
            ("l", T.plain("NaN", tag: core + "float")),
        ]), expected: "a: !custom x\nb: !!binary |\n  R0lG\n  ODlh\nc: '42'\nd: 42\ne: !!float 3\nf: '42'\n"
            + "g: !<tag:example.com,2000:app/foo> bar\nh:\ni: !!null foo\nj: &y 'yes'\nk: '.inf'\nl: NaN\n"),
        EmitCase(name: "collection tags", node: T.record([
            ("s", T.record([("a", T.plain("")), ("b", T.plain(""))], tag: core + "set")),
            ("o", T.sequence([T.record([("a", T.plain("1"))])], tag: core + "omap")),
            ("m", T.record([("x", T.plain("1"))], tag: core + "map")), ("q", T.sequence([T.plain("1")], tag: core + "seq")),
            ("e", T.sequence([], tag: "!custom")), ("u", T.sequence([T.plain("1")], tag: "!")),
        ]), expected: "s: !!set\n  a:\n  b:\no: !!omap\n  - a: 1\nm:\n  x: 1\nq:\n  - 1\ne: !custom []\nu:\n  - 1\n"),
        EmitCase(name: "tag needing verbatim form", node: T.plain("x", tag: "!a,b"), expected: "!<!a,b> x\n"),
        EmitCase(name: "tag with a space", node: T.plain("x", tag: "tag:example.com,2000:é b%"),
                 expected: "!<tag:example.com,2000:%C3%A9%20b%25> x\n"),
        EmitCase(name: "tagged root mapping", node: T.record([("a", T.plain("1"))], tag: "!custom"), expected: "--- !custom\na: 1\n"),
        EmitCase(name: "anchored root sequence", node: T.sequence([T.plain("1")], anchor: "r"), expected: "--- &r\n- 1\n"),
        EmitCase(name: "tagged root scalar", node: T.plain("x", tag: "!custom"), expected: "!custom x\n"),
    ]

    static let keys: [EmitCase] = [
        EmitCase(name: "quoted key", node: T.mapping([(T.string("NO"), T.plain("Norway"))]), expected: "'NO': Norway\n"),
        EmitCase(name: "integer key", node: T.mapping([(T.plain("42"), T.plain("x"))]), expected: "42: x\n"),
        EmitCase(name: "null key", node: T.mapping([(T.plain(""), T.plain("x"))]), expected: "null: x\n"),
        EmitCase(name: "sequence key", node: T.mapping([(T.sequence([T.plain("a"), T.plain("b")]), T.plain("x"))]),
                 expected: "? - a\n  - b\n: x\n"),
        EmitCase(name: "mapping key and value", node: T.mapping([(T.record([("a", T.plain("1"))]), T.record([("b", T.plain("2"))]))]),
                 expected: "? a: 1\n: b: 2\n"),
        EmitCase(name: "multi-line key", node: T.mapping([(T.string("line1\nline2"), T.plain("v"))]),
                 expected: "? |-\n  line1\n  line2\n: v\n"),
        EmitCase(name: "multi-line key in quotes", node: T.mapping([(T.string("a \nb"), T.plain("v"))]),
                 expected: "? \"a \\nb\"\n: v\n"),
        EmitCase(name: "long key", node: T.mapping([(T.plain(String(repeating: "k", count: 1001)), T.plain("v"))]),
                 expected: "? " + String(repeating: "k", count: 1001) + "\n: v\n"),
        EmitCase(name: "alias key", node: T.mapping([(T.plain("a"), T.plain("key", anchor: "k")), (T.alias("k"), T.plain("2"))]),
                 expected: "a: &k key\n*k : 2\n"),
        EmitCase(name: "anchored and tagged keys",
                 node: T.mapping([(T.plain("a", anchor: "k"), T.plain("1")), (T.plain("b", tag: "!custom"), T.plain("2"))]),
                 expected: "&k a: 1\n!custom b: 2\n"),
        EmitCase(name: "explicit key, empty value", node: T.mapping([(T.sequence([T.plain("a")]), T.plain(""))]),
                 expected: "? - a\n:\n"),
        EmitCase(name: "explicit key, sequence value",
                 node: T.mapping([(T.sequence([T.plain("a")]), T.sequence([T.plain("b"), T.plain("c")]))]),
                 expected: "? - a\n: - b\n  - c\n"),
        EmitCase(name: "empty collection key", node: T.mapping([(T.sequence([]), T.plain("x"))]), expected: "? []\n: x\n"),
    ]
}
