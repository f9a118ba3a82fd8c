internal import Foundation
internal import KaleidoGit
internal import KaleidoKB

extension KBClone {
    /// The branch to check out and the team's config on it.
    struct ChosenBranch {
        var name: String
        var config: KBConfig
    }

    /// The URL as git will be given it; a local folder made absolute, since git takes a
    /// relative remote path from the replica's root, not from where the user typed it.
    static func checkedURL(_ raw: String) throws(CloneError) -> String {
        let url = raw.trimmingCharacters(in: .whitespaces)
        guard !url.isEmpty, !url.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " }) else {
            throw .usage(.badURL(raw, "une adresse ne contient ni espace ni caractère de contrôle"))
        }
        if let separator = url.range(of: "://") {
            let scheme = url[..<separator.lowerBound].lowercased()
            guard ["ssh", "git", "http", "https", "file"].contains(scheme) else {
                throw .usage(.badURL(raw, "protocole « \(scheme) » inconnu (ssh, https, git ou file)"))
            }
            guard scheme == "file" || !url[separator.upperBound...].prefix(while: { $0 != "/" }).isEmpty else {
                throw .usage(.badURL(raw, "il manque le nom du serveur"))
            }
            return url
        }
        // `user@host:path`, as git reads it: a colon before any slash.
        if let colon = url.firstIndex(of: ":"), colon != url.startIndex, !url[..<colon].contains("/") {
            return url
        }
        let absolute = url.hasPrefix("/") ? url : FileManager.default.currentDirectoryPath + "/" + url
        let path = URL(fileURLWithPath: absolute).standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .usage(.badURL(raw, "aucun dossier \(path) sur cette machine"))
        }
        return path
    }

    /// The consultant's name and email: the options, else git's user config. Never the KB's
    /// shared sync identity: a person's commits must say who made them.
    static func identity(_ request: Request) throws(CloneError) -> (name: String, email: String) {
        let name = request.name ?? Repository.userConfigString("user.name", environment: request.environment)
        let email = request.email ?? Repository.userConfigString("user.email", environment: request.environment)
        guard let name, !name.isEmpty, let email, !email.isEmpty else { throw .usage(.noIdentity) }
        guard email.contains("@"), !email.contains(where: \.isWhitespace) else { throw .usage(.badEmail(email)) }
        return (name, email)
    }

    /// The remote's default branch when the remote is a folder on this machine (its HEAD);
    /// nil for a network remote, whose HEAD libgit2's fetch does not report.
    static func localRemoteHead(_ url: String, repository: Repository) -> String? {
        guard let path = repository.localRemotePath(url), let remote = try? Repository.open(at: path),
              case .branch(let reference, _)? = try? remote.head(), reference.hasPrefix("refs/heads/") else { return nil }
        return String(reference.dropFirst("refs/heads/".count))
    }

    /// The fetched branch to check out: `--branch`, else the remote's HEAD, else the only
    /// branch, else the only one whose config names itself; then the branch the config names,
    /// since that is the one the sync shares.
    static func chooseBranch(_ request: Request, repository: Repository, url: String) throws(CloneError) -> ChosenBranch {
        let prefix = "refs/remotes/origin/"
        let fetched = ((try? repository.references(matching: prefix + "*")) ?? [])
            .map { (name: String($0.name.dropFirst(prefix.count)), id: $0.id) }
        guard !fetched.isEmpty else { throw .failed(.emptyRemote(url)) }
        let names = fetched.map(\.name)
        func config(_ branch: String) -> [UInt8]? {
            guard let id = fetched.first(where: { $0.name == branch })?.id else { return nil }
            return (try? repository.readBlob(at: KBConfig.path, in: id)) ?? nil
        }
        func parsed(_ branch: String) -> KBConfig? {
            config(branch).flatMap { bytes in try? KnowledgeBase.config(from: bytes) }
        }
        var candidate: String
        if let wanted = request.branch {
            guard names.contains(wanted) else { throw .usage(.noSuchBranch(wanted, names)) }
            candidate = wanted
        } else if let head = localRemoteHead(url, repository: repository), names.contains(head), config(head) != nil {
            candidate = head
        } else if names.count == 1 {
            candidate = names[0]
        } else {
            let selfNamed = names.filter { parsed($0)?.branch == $0 }
            guard selfNamed.count == 1 else {
                throw selfNamed.isEmpty && !names.contains(where: { config($0) != nil })
                    ? .failed(.notAKB(url, names)) : .usage(.ambiguousBranch(names))
            }
            candidate = selfNamed[0]
        }
        guard let bytes = config(candidate) else { throw .failed(.notAKB(url, [candidate])) }
        let found: KBConfig
        do { found = try KnowledgeBase.config(from: bytes) } catch { throw .failed(.badConfig(candidate, error.diagnostic.description)) }
        guard found.branch != candidate else { return ChosenBranch(name: candidate, config: found) }
        // The remote's HEAD names another branch than the one the team syncs.
        guard request.branch == nil, names.contains(found.branch), let shared = parsed(found.branch), shared.branch == found.branch else {
            throw .failed(.configBranchMissing(candidate, found.branch))
        }
        return ChosenBranch(name: found.branch, config: shared)
    }
}
