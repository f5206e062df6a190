import Foundation
import PackagePlugin

/// Build-tool plugin: embeds the package's `Rules/` folder (YAML rule files and lexicons)
/// into the `TradeFacts` module as generated Swift source, so the binary runs from any directory.
/// It reruns whenever a rule file is added, removed or changed.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let rulesDir = context.package.directoryURL.appending(path: "Rules")
        // Every rule file and every folder: a folder's modification time changes when a file is
        // added or removed, so the command reruns even when the build plan was made before; the
        // embedder then walks the folder itself rather than trusting this list.
        var inputs: [URL] = [rulesDir]
        if let walker = FileManager.default.enumerator(at: rulesDir, includingPropertiesForKeys: [.isDirectoryKey]) {
            for case let url as URL in walker {
                let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
                if isDirectory || url.pathExtension == "yaml" || url.pathExtension == "yml" { inputs.append(url) }
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        return [.buildCommand(
            displayName: "Embedding the rule files of Rules/",
            executable: try context.tool(named: "RulesEmbedder").url,
            arguments: [rulesDir.path, output.path],
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}
