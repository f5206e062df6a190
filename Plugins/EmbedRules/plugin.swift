import Foundation
import PackagePlugin

/// Build-tool plugin: embeds the package's `Rules/` folder (YAML rule files and lexicons)
/// into the `TradeFacts` module as generated Swift source, so the binary runs from any directory.
/// It reruns whenever a rule file is added, removed or changed.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let rulesDir = context.package.directoryURL.appending(path: "Rules")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: rulesDir, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "yaml" || url.pathExtension == "yml" {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) rule files from Rules/",
            executable: try context.tool(named: "RulesEmbedder").url,
            arguments: [rulesDir.path, output.path] + inputs.map(\.path),
            inputFiles: inputs + [rulesDir],
            outputFiles: [output]
        )]
    }
}
