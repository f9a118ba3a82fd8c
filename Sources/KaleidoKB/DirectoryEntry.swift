#if canImport(Glibc)
package import Glibc

/// The name of a directory entry returned by `readdir`, read where it lies.
///
/// A `dirent` is only as long as its name: copying the whole 256-byte `d_name` field (what
/// `withUnsafePointer(to: entry.pointee.d_name)` or `withUnsafeBytes(of:)` do) reads past the
/// end of readdir's buffer, which crashes when that end is a page boundary.
package func directoryEntryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
    let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
    return String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
}

/// The name of a directory entry when it is valid UTF-8, else `nil` (`directoryEntryName`
/// would replace the bad bytes with U+FFFD: a name no file on disk has).
package func directoryEntryUTF8Name(_ entry: UnsafeMutablePointer<dirent>) -> String? {
    let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
    return String(validatingCString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
}
#endif
