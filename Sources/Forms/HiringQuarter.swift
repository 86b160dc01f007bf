/// The hiring month is sealed only as its quarter: the exact month would single people out.
public enum HiringQuarter {
    /// The quarter codes in code-number order.
    public static let codes = ["Q1", "Q2", "Q3", "Q4"]

    /// The code number of a month's quarter (month 1–12).
    public static func number(month: Int) -> Int { (month - 1) / 3 }
}
