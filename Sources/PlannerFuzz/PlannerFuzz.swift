// A libFuzzer target over front matter splitting, YAML decoding and Markdown
// rendering. Built only by `make fuzz`, which compiles with ASan and
// libFuzzer's coverage instrumentation, defines FUZZING and links libFuzzer.
// A normal `swift build` compiles the replay tool below instead, so this
// target builds either way.
import Foundation
import Planner

#if FUZZING
// libFuzzer is linked without its own `main` (libclang_rt.fuzzer_no_main):
// SwiftPM links every executable of the build, the theme-embedding build
// tool included, with the same flags, and that tool has a `main` of its own.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
enum PlannerFuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
            _ = FuzzEntry.run(bytes)
            return 0
        }
        exit(status)
    }
}
#else
/// Without libFuzzer: runs each file given on the command line once, so a
/// crashing input found by the fuzzer can be replayed under a normal build.
@main
enum PlannerFuzzReplay {
    static func main() {
        var status: Int32 = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("PlannerFuzz: cannot read \(path)\n".utf8))
                status = 2
                continue
            }
            print("\(path): \(FuzzEntry.run(data))")
        }
        if CommandLine.arguments.count == 1 {
            print("usage: PlannerFuzz FILE…  (the libFuzzer build is `make fuzz`)")
        }
        exit(status)
    }
}
#endif
