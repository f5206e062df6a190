public enum TradeFactsVersion { public static let string = "0.1.0" }
