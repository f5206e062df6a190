/// The version of tradefacts: `TradeFactsVersion.string`, in semantic-versioning form ("0.1.0"),
/// as `tradefacts --version` and the SARIF report's tool entry give it.
public enum TradeFactsVersion { public static let string = "0.1.0" }
