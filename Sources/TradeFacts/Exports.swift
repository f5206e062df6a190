// The engine's public API in one import: `import TradeFacts` brings every layer below the pipeline.
@_exported import TradeFactsText
@_exported import TradeFactsRules
@_exported import TradeFactsExtract
@_exported import TradeFactsStatements
@_exported import TradeFactsRecords
@_exported import TradeFactsChecks
@_exported import TradeFactsReport
