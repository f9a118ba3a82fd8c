import KaleidoWorkspace
import Testing

/// Which commit is theirs while git runs the merge driver (`TheirsCommit.revision`), from the
/// state git leaves; the real-git cases are `MergeDriverAuthorTests` (KaleidoCLITests).
@Suite struct TheirsCommitTests {
    /// Where theirs' commit is read from, for each state git leaves (git dir files by name).
    static let states: [(environment: [String: String], files: [String: String], expected: String?)] = [
        (["GITHEAD_2aeb0e52fa6ea9820f6a26c9048f3ede731d488c": "other"], [:], "2aeb0e52fa6ea9820f6a26c9048f3ede731d488c"),
        (["GITHEAD_aaa": "one", "GITHEAD_bbb": "two"], [:], nil),
        ([:], ["rebase-merge/done": "pick 1111111 first\npick 2222222 second\n"], "2222222"),
        ([:], ["rebase-merge/done": "pick 1111111 first\nfixup -C 3333333 fix\n"], "3333333"),
        ([:], ["rebase-merge/done": "pick 1111111 first\nexec make\n"], nil),
        ([:], ["rebase-merge/done": "pick 1111111 x\n", "REBASE_HEAD": "9999999\n"], "1111111"),
        ([:], ["rebase-apply/original-commit": "4444444\n", "REBASE_HEAD": "4444444\n"], "4444444"),
        ([:], ["sequencer/todo": "pick 5555555 current\npick 6666666 next\n"], "5555555"),
        ([:], ["sequencer/todo": "revert 5555555 current\n"], nil),
        ([:], ["MERGE_HEAD": "7777777\n"], "7777777"),
        ([:], ["MERGE_HEAD": "7777777\n8888888\n"], nil),
        ([:], ["CHERRY_PICK_HEAD": "8888888\n"], "8888888"),
        ([:], [:], nil),
    ]

    @Test(arguments: states.indices)
    func theirsCommitFromGitState(_ index: Int) {
        let state = Self.states[index]
        #expect(TheirsCommit.revision(environment: state.environment, readFile: { state.files[$0] }) == state.expected)
    }
}
