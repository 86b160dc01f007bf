/// Conventional rounding of published counts to a base (`DisclosurePolicy.roundingBase`).
///
/// Each cell is rounded on its own to the nearest multiple of the base, halves upwards (base 5:
/// 0–2 → 0, 3–7 → 5, 8–12 → 10). Margins are rounded independently of their parts, so a rounded
/// table need not add up; say so next to it. Rounding is deterministic: the same count always gives
/// the same figure. It is applied after suppression, to cells that are published.
public enum Rounding {
    /// `count` rounded to the nearest multiple of `base`, halves upwards.
    public static func round(_ count: Int, toBase base: Int) -> Int {
        (count + base / 2) / base * base
    }

    /// The true counts that round to `rounded` (what a reader learns from it).
    public static func knownRange(ofRounded rounded: Int, base: Int) -> ClosedRange<Int> {
        let lower = rounded - base / 2
        return max(0, lower)...(lower + base - 1)
    }
}
