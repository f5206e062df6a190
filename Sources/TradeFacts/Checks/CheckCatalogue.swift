/// Every check tradefacts runs. To add a check, add one file with a `Check` type and list it here.
public enum CheckCatalogue {
    public static let all: [any Check.Type] = [
        PeriodYearContradiction.self,
        YearOnYearBase.self,
        StaleAnchor.self,
        PeriodAfterDateline.self,
        ImpossibleDate.self,
        WeekdayMismatch.self,
        PercentChangeArithmetic.self,
        DirectionContradiction.self,
        PointsVersusPercent.self,
        ShareOverHundred.self,
        PartnerCountExceeded.self,
        RepeatedFigureDiffers.self,
    ]

    public static func check(id: String) -> (any Check.Type)? { all.first { $0.description.id == id } }
}
