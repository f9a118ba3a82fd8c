import KaleidoCLI

@main
struct Entrypoint {
    static func main() async {
        await KaleidoMain.main()
    }
}
