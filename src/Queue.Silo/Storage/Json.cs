using System.Text.Json;
using System.Text.Json.Serialization;

namespace Queue.Silo.Storage;

/// <summary>The one JSON setting used for stored payloads and for the wire: camelCase, enums as camelCase strings.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Create();

    public static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return o;
    }
}
