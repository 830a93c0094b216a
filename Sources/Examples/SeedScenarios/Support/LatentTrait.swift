import ExampleSupport
import Foundation

/// Synthetic Likert answers from a latent-trait model, so the examples' batteries behave like
/// real ones: each respondent has one trait per scale (standard normal), each item loads on
/// its scale's trait, and a reverse-worded item runs the other way. With the loading of 0.82
/// used here, a scale of four to six items reaches a Cronbach's alpha of about 0.7–0.9, where
/// tested batteries land; independent noise, by contrast, gives an alpha near 0.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let trait = LatentTrait.normal(&rng)
/// let answer = LatentTrait.answer(trait: trait, weights: [4, 10, 24, 38, 24], rng: &rng) // 1…5
/// ```
enum LatentTrait {
    /// How strongly an item follows its scale's trait (the latent correlation of item and trait).
    static let loading = 0.82

    /// A standard normal draw (Box–Muller).
    static func normal(_ rng: inout SeededGenerator) -> Double {
        // Two uniforms from 53 random bits each; u1 lies in (0, 1] so its logarithm is finite.
        let scale = 1.0 / 9_007_199_254_740_992
        let u1 = (Double(rng.next() >> 11) + 1) * scale, u2 = Double(rng.next() >> 11) * scale
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    /// An item's latent response: the trait's share plus the item's own noise, standard normal overall.
    static func latent(trait: Double, reversed: Bool = false, rng: inout SeededGenerator) -> Double {
        (reversed ? -trait : trait) * loading + (1 - loading * loading).squareRoot() * normal(&rng)
    }

    /// The answer 1…`weights.count` whose share of all answers follows `weights` (the item's
    /// marginal distribution), ordered by the latent response: normal quantiles of the cumulative
    /// shares cut the latent scale.
    static func answer(trait: Double, reversed: Bool = false, weights: [Int], rng: inout SeededGenerator) -> Int {
        let z = latent(trait: trait, reversed: reversed, rng: &rng)
        let total = Double(weights.reduce(0, +))
        var cumulative = 0.0
        for (i, w) in weights.dropLast().enumerated() {
            cumulative += Double(w) / total
            if z <= quantile(cumulative) { return i + 1 }
        }
        return weights.count
    }

    /// The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).
    static func quantile(_ p: Double) -> Double {
        guard p > 0 else { return -.infinity }
        guard p < 1 else { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low {
            let q = (-2 * log(1 - p)).squareRoot()
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
