using System.Globalization;
using System.Text;

namespace CustodySettle.Server.Operations;

/// <summary>
/// Renders collected metrics in Prometheus' text exposition format 0.0.4
/// (prometheus.io/docs/instrumenting/exposition_formats): a <c># HELP</c> and <c># TYPE</c> line per
/// family, then one sample per line, families sorted by name and samples by labels so that the same
/// state always renders the same text.
/// </summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var text = new StringBuilder();
        foreach (var (name, family) in families
            .Where(f => f.Points.Count > 0)
            .Select(f => (Name: FamilyName(f), Family: f))
            .OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (!string.IsNullOrEmpty(family.Description))
            {
                text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Description)).Append('\n');
            }

            text.Append("# TYPE ").Append(name).Append(' ').Append(TypeName(family.Kind)).Append('\n');
            foreach (var (labels, point) in family.Points
                .Select(p => (Labels: RenderLabels(p.Labels), Point: p))
                .OrderBy(p => p.Labels, StringComparer.Ordinal))
            {
                if (point.Histogram is { } histogram)
                {
                    WriteHistogram(text, name, labels, histogram);
                }
                else
                {
                    WriteSample(text, name, labels, FormatValue(point.Value));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// A metric name matches <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>: anything else (the instruments' dots)
    /// becomes '_'.
    /// </summary>
    private static string FamilyName(MetricFamily family)
    {
        var name = Sanitize(family.Name, allowColon: true);
        // Counters carry _total (the format's convention, and what PromQL's rate() users expect).
        return family.Kind is MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    private static void WriteHistogram(StringBuilder text, string name, string labels, HistogramPoint histogram)
    {
        var prefix = labels.Length == 0 ? string.Empty : labels + ",";
        for (var i = 0; i < histogram.Bounds.Count; i++)
        {
            WriteSample(text, name + "_bucket", $"{prefix}le=\"{FormatValue(histogram.Bounds[i])}\"", FormatCount(histogram.CumulativeCounts[i]));
        }

        WriteSample(text, name + "_bucket", prefix + "le=\"+Inf\"", FormatCount(histogram.Count));
        WriteSample(text, name + "_sum", labels, FormatValue(histogram.Sum));
        WriteSample(text, name + "_count", labels, FormatCount(histogram.Count));
    }

    private static void WriteSample(StringBuilder text, string name, string labels, string value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(value).Append('\n');
    }

    /// <summary>
    /// <c>name="value",...</c> without braces. Label names match <c>[a-zA-Z_][a-zA-Z0-9_]*</c>; values
    /// escape backslash, double quote and line feed.
    /// </summary>
    private static string RenderLabels(IReadOnlyList<KeyValuePair<string, string>> labels) =>
        string.Join(',', labels.Select(l => $"{Sanitize(l.Key, allowColon: false)}=\"{EscapeLabelValue(l.Value)}\""));

    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var result = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            result.Append('_');
        }

        foreach (var c in name)
        {
            result.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }

        return result.ToString();
    }

    private static string EscapeHelp(string help) => help.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    private static string EscapeLabelValue(string value) => value
        .Replace("\\", @"\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", @"\n", StringComparison.Ordinal);

    private static string TypeName(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Gauge => "gauge",
        MetricKind.Histogram => "histogram",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a MetricKind"),
    };

    /// <summary>Go's ParseFloat reads what the format needs: NaN, +Inf, -Inf and shortest round-trip numbers.</summary>
    private static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string FormatCount(long count) => count.ToString(CultureInfo.InvariantCulture);
}
