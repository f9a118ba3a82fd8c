import Glibc
import KaleidoCLI

#if os(Linux)
/// glibc's `mallopt` (<malloc.h>, which Swift's Glibc module does not import).
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

@main
struct Entrypoint {
    static func main() async {
        // First of all: a peer that closes a socket or pipe we write to (a git server dying
        // mid-push, ssh, a pager) must give EPIPE, an error the caller reports, not kill us.
        signal(SIGPIPE, SIG_IGN)
        // A sync's transfer child: no argument parsing, no allocator tuning, started fast.
        if CommandLine.arguments.dropFirst().first == KaleidoMain.transferCommand {
            exit(KaleidoMain.transferChild())
        }
        #if os(Linux)
        // glibc grows each thread's heap a few pages at a time and hands memory back as soon as
        // it can: on 10,000 records that was 2,000 mprotect calls and their page faults. Growing
        // in 16 MiB steps and keeping up to 64 MiB free costs nothing a short command notices.
        // (M_TOP_PAD is -2 and M_TRIM_THRESHOLD -1 in <malloc.h>.) The daemon, which runs for
        // days, keeps glibc's defaults and gives memory back.
        if CommandLine.arguments.dropFirst().first != "daemon" {
            _ = mallopt(-2, 16 << 20)
            _ = mallopt(-1, 64 << 20)
        }
        #endif
        await KaleidoMain.main()
    }
}
