/// The version `kaleido --version` prints; part of the index cache's fingerprint, so that a new
/// version never reads a cache an older one wrote.
public enum KaleidoVersion {
    public static let current = "0.1.0"
}
