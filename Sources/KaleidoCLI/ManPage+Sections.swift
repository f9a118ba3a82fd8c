/// The sections of kaleido(1) that no command's help carries, kept true to
/// docs/ARCHITECTURE.md ("Exit codes", "Machine-local state").
extension ManPage {
    static let completions = """
        Shell completions come from the binary itself: \
        `kaleido --generate-completion-script bash` (or zsh, fish). scripts/install puts them \
        where bash-completion, zsh and fish look, with this page and the systemd user unit.
        """

    static let exitStatus: [(String, String)] = [
        ("0", "Success: the base is valid (warnings allowed), the sync is done or had nothing to do, a query answered (an empty answer is said on standard error), a merge was clean."),
        ("1", "The command ran and found a problem: validation errors (or warnings with --strict), a failed sync or an untrusted ssh host key, conflicts recorded or still open, a record created with fields left to fill in, a YAML file that does not parse; or an unexpected error."),
        ("2", "Usage, configuration or I/O error: unknown option or missing argument, unknown field, enumeration value, partner or referenced id, a configuration that does not load, a file that cannot be read; nothing was changed."),
        ("3", "kaleido sync: offline; the commits are queued and the next sync pushes them."),
        ("4", "kaleido sync, kaleido daemon: another process holds the knowledge base's lock."),
    ]

    static let files: [(String, String)] = [
        (".kaleido/config.yaml", "The knowledge base's shared settings (name, branch, folders, daemon timings, sync), committed."),
        ("knowledge/, schemas/", "The records, one YAML file each, and the JSON Schemas they are checked against."),
        (".kaleido/cache/", "The query index and its overlay; git-ignored, rebuilt when missing."),
        (".git/kaleido/status.json", "The last sync cycle's result, read by kaleido status."),
        (".git/kaleido/lock", "Held by the process syncing the knowledge base (the daemon or kaleido sync)."),
        ("~/.config/kaleido/daemon.yaml", "knowledge_bases: the folders kaleido daemon syncs when no --kb is given ($XDG_CONFIG_HOME/kaleido/ when set); kaleido daemon add DIR adds one."),
        ("~/.config/kaleido/environment", "Variables for the systemd unit (KALEIDO_SSH_KEY=..., KALEIDO_TOKEN=...)."),
        ("~/.local/share/systemd/user/kaleido-daemon.service", "The systemd user unit running kaleido daemon (PREFIX/share/systemd/user/ for another prefix)."),
        ("~/.ssh/known_hosts", "The trusted ssh host keys kaleido trust-host adds to (or sync.known_hosts, KALEIDO_KNOWN_HOSTS)."),
    ]

    static let environment: [(String, String)] = [
        ("KALEIDO_SSH_KEY", "The ssh private key for the remote; else ssh-agent."),
        ("KALEIDO_SSH_KEY_PASSPHRASE_COMMAND", "A command printing the key's passphrase (else git config kaleido.sshKeyPassphraseCommand)."),
        ("KALEIDO_TOKEN", "The token for an https remote; else git's credential helper."),
        ("KALEIDO_KNOWN_HOSTS", "Colon-separated known_hosts files, the first one written by trust-host."),
        ("KALEIDO_TODAY", "Today's date (YYYY-MM-DD) for the queries and validation."),
        ("KALEIDO_TRACE", "Print the index cache's timings on standard error."),
        ("XDG_CONFIG_HOME", "Where kaleido/daemon.yaml is looked for (default ~/.config)."),
    ]
}
