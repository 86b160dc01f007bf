import Foundation
import Forms

// The benchmarks, apart from every library module (`make bench`):
// `vielfalt-bench [--responses 2400|24000] [--timeout 60]`: the release sequence of issue 9;
// `vielfalt-bench import --into DIR`, `vielfalt-bench report --data DIR/store --forms DIR/forms`.
do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    switch arguments.first {
    case "import": try MeasureCommands.importEntries(Array(arguments.dropFirst()))
    case "report": try MeasureCommands.report(Array(arguments.dropFirst()))
    default:
        let options = try Options(arguments)
        if let request = options.child {
            try ReleaseChild.run(request)
        } else {
            try SequenceBenchmark(options: options).run()
        }
    }
} catch let error as InputError {
    FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("vielfalt-bench: \(error)\n".utf8))
    exit(2)
}
