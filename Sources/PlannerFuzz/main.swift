// A libFuzzer target over front matter splitting, YAML decoding and Markdown
// rendering. Built only by `make fuzz`, which passes
// `-sanitize=fuzzer,address -parse-as-library -DFUZZING`: libFuzzer then
// supplies `main`. A normal `swift build` compiles the plain `main` below.
#if FUZZING
import Foundation
import Planner

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    _ = FuzzEntry.run(bytes)
    return 0
}
#else
import Foundation
import Planner

// Without libFuzzer: run each file given on the command line once, so a
// crashing input from the fuzzer can be replayed under a normal build.
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
    print("usage: PlannerFuzz FILE…  (build the libFuzzer target with `make fuzz`)")
}
exit(status)
#endif
