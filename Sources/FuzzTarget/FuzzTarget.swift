import Foundation
import FuzzHarness

// Built only by `scripts/fuzz` (TRADEFACTS_FUZZ=1), linked with libFuzzer (`-sanitize=fuzzer`).
// One binary for every target: `TRADEFACTS_FUZZ_TARGET` names the entry point of ``FuzzHarness``
// (pipeline, markdown, jsonl, rules, jsonchunks, config).

/// The entry point this run fuzzes, chosen once from the environment.
nonisolated(unsafe) let target: (([UInt8]) -> [String])? =
    FuzzHarness.entryPoint(named: ProcessInfo.processInfo.environment["TRADEFACTS_FUZZ_TARGET"] ?? "")

/// libFuzzer's callback: one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.require(target!(bytes))
    return 0
}

/// libFuzzer's driver (compiler-rt `FuzzerDriver.cpp`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable target with `main` aliased to `<Module>_main`, so libFuzzer's own
/// `main` is never used: this is it.
@_cdecl("FuzzTarget_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    guard target != nil else {
        FileHandle.standardError.write(Data("FuzzTarget: set TRADEFACTS_FUZZ_TARGET to one of \(FuzzHarness.entryPointNames.joined(separator: ", "))\n".utf8))
        return 2
    }
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzTestOneInput)
}
