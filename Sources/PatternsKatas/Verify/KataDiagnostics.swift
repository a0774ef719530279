import Foundation
import PatternsContent

/// The loader's diagnostics that concern the katas: everything in `katas/`, plus cross-file
/// rules about them reported elsewhere (a pattern's `kata:` naming a kata that does not exist).
public enum KataDiagnostics {
    public static func relevant(_ diagnostics: Diagnostics, katasRoot: String) -> [Diagnostic] {
        let prefix = katasRoot.hasSuffix("/") ? katasRoot : katasRoot + "/"
        return diagnostics.sorted.filter { diagnostic in
            diagnostic.location.file.hasPrefix(prefix) || diagnostic.message.localizedCaseInsensitiveContains("kata")
        }
    }
}
