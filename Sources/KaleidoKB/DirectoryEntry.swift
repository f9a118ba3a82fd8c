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
#endif
