using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace CustodySettle.Cli.Output;

/// <summary>
/// Prints answers: for people, a message as a field/value table (its repeated messages as tables of
/// their own) and a list as one table, columns from the proto's scalar fields; for scripts
/// (<c>--json</c>), protobuf's JSON mapping with the proto's field names and every field present.
/// </summary>
internal sealed class MessageView(CliConsole console, bool json)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithPreserveProtoFieldNames(true));

    public bool Json => json;

    /// <summary>One message.</summary>
    public void Show(IMessage message)
    {
        if (json)
        {
            console.Raw.WriteLine(Formatter.Format(message));
            return;
        }

        var table = new Table().AddColumn("field").AddColumn("value");
        var lists = new List<(string Name, IReadOnlyList<IMessage> Items, MessageDescriptor Type)>();
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsRepeated && field.FieldType == FieldType.Message)
            {
                lists.Add((field.Name, [.. ((System.Collections.IList)field.Accessor.GetValue(message)).Cast<IMessage>()], field.MessageType));
            }
            else if (!field.IsRepeated)
            {
                // A nested message's fields as outer.inner rows (Pairs), so every figure gets a row of its own.
                foreach (var pair in Pairs(message, field, string.Empty))
                {
                    table.AddRow(Markup.Escape(pair.Name), Markup.Escape(pair.Value));
                }
            }
            else
            {
                table.AddRow(Markup.Escape(field.Name), Markup.Escape(Text(field, field.Accessor.GetValue(message))));
            }
        }

        console.Out.Write(table);
        foreach (var (name, items, type) in lists)
        {
            console.Out.WriteLine(name);
            ShowRows(items, type, []);
        }
    }

    /// <summary>A list of messages of one type: one table (of <paramref name="columns"/> only, when given), or a JSON array of whole messages.</summary>
    public void ShowList<T>(IEnumerable<T> items, MessageDescriptor type, params string[] columns)
        where T : IMessage
    {
        var list = items.Cast<IMessage>().ToList();
        if (json)
        {
            console.Raw.WriteLine("[" + string.Join(",", list.Select(m => Formatter.Format(m))) + "]");
            return;
        }

        ShowRows(list, type, columns);
    }

    /// <summary>One message of a stream as it arrives: a JSON line, or a line of its scalar fields.</summary>
    public void ShowLine(IMessage message)
    {
        if (json)
        {
            console.Raw.WriteLine(Formatter.Format(message));
        }
        else
        {
            console.Raw.WriteLine(string.Join("  ", message.Descriptor.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated)
                .SelectMany(f => Pairs(message, f, string.Empty)).Select(p => $"{p.Name}={p.Value}")));
        }

        console.Raw.Flush();
    }

    /// <summary>A line for people only (a hint, a summary); nothing under <c>--json</c>, which prints data alone.</summary>
    public void Note(string text)
    {
        if (!json)
        {
            console.Out.MarkupLine(Markup.Escape(text));
        }
    }

    /// <summary>
    /// A field as (name, value): a scalar, enum or timestamp as itself; a nested message as one pair per
    /// field of its own, named outer.inner, recursively; repeated fields of a nested message are left out.
    /// </summary>
    private static IEnumerable<(string Name, string Value)> Pairs(IMessage message, FieldDescriptor field, string prefix)
    {
        var value = field.Accessor.GetValue(message);
        if (field.FieldType != FieldType.Message || IsWellKnown(field.MessageType))
        {
            yield return ($"{prefix}{field.Name}", Text(field, value));
        }
        else if (value is IMessage nested)
        {
            foreach (var inner in nested.Descriptor.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated))
            {
                foreach (var pair in Pairs(nested, inner, $"{prefix}{field.Name}."))
                {
                    yield return pair;
                }
            }
        }
    }

    private void ShowRows(IReadOnlyList<IMessage> items, MessageDescriptor type, string[] only)
    {
        var columns = Columns(type).Where(c => only.Length == 0 || only.Contains(c.Name)).OrderBy(c => only.Length == 0 ? 0 : Array.IndexOf(only, c.Name)).ToList();
        var table = new Table();
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column.Name));
        }

        foreach (var item in items)
        {
            table.AddRow([.. columns.Select(c => Markup.Escape(Text(c, c.Accessor.GetValue(item))))]);
        }

        if (items.Count == 0)
        {
            console.Out.WriteLine("(none)");
            return;
        }

        console.Out.Write(table);
    }

    /// <summary>The fields a row shows: scalars, enums and timestamps; nested messages and lists are left to <see cref="Show"/>.</summary>
    private static IEnumerable<FieldDescriptor> Columns(MessageDescriptor type) =>
        type.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated && (f.FieldType != FieldType.Message || IsWellKnown(f.MessageType)));

    private static bool IsWellKnown(MessageDescriptor type) =>
        type.FullName is "google.protobuf.Timestamp" or "google.protobuf.Duration";

    private static string Text(FieldDescriptor field, object? value) => value switch
    {
        null => string.Empty,
        Timestamp t => t.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        Duration d => d.ToTimeSpan().ToString("c", CultureInfo.InvariantCulture),
        System.Enum e when field.FieldType == FieldType.Enum => Names.EnumValue(field.EnumType.Name, field.EnumType.FindValueByNumber(Convert.ToInt32(e, CultureInfo.InvariantCulture))?.Name ?? e.ToString()),
        ByteString b => b.ToBase64(),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IList list => string.Join(",", list.Cast<object>().Select(o => Text(field, o))),
        _ => value.ToString() ?? string.Empty,
    };
}
