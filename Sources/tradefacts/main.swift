import TradeFactsCLI

// The executable: every command lives in TradeFactsCLI, so that the fuzz harness can parse
// command lines with the same types (FuzzHarness.commandLine).
TradeFactsCommand.main()
