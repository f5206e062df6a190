/// The version of tradefacts: `TradeFactsVersion.string`, in semantic-versioning form ("0.1.0"),
/// as `tradefacts --version` and the SARIF report's tool entry give it.
public enum TradeFactsVersion { public static let string = "0.1.0" }

/// Where tradefacts lives: SARIF's `informationUri` and each rule's `helpUri` (an anchor per check
/// in `docs/checks.md`) point here, as do the README's GitHub Action and pre-commit examples.
public enum TradeFactsProject {
    /// The repository's web address.
    public static let repositoryURL = "https://github.com/tradefacts/tradefacts"
    /// The page of `check`'s id in the check catalogue (`docs/checks.md#ID`).
    public static func checkHelpURL(_ id: String) -> String { repositoryURL + "/blob/main/docs/checks.md#" + id }
}
