using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Queue.Silo.Storage;

namespace Queue.Silo.Hosting;

/// <summary>
/// How the engine's own types travel between silos: the stored JSON settings, plus the internal properties a
/// replica needs (a ticket view's token hash and line order), which the API's JSON must never show.
/// </summary>
public static class GrainJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>The engine's records and enums go as JSON; exceptions keep Orleans' own codec.</summary>
    public static bool Carries(Type type) =>
        type.Namespace?.StartsWith("Queue.", StringComparison.Ordinal) == true && !typeof(Exception).IsAssignableFrom(type);

    /// <summary>Registers this with Orleans' serializer (on a silo or a client), and the engine's exceptions with its exception codec.</summary>
    public static IServiceCollection AddGrainJson(this IServiceCollection services)
    {
        services.AddSerializer(s => s.AddJsonSerializer(Carries, Options));
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Queue."));
        return services;
    }

    private static JsonSerializerOptions Create()
    {
        var o = Json.Create();
        o.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { IncludeInternalProperties } };
        return o;
    }

    private static void IncludeInternalProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !Carries(info.Type)) return;
        foreach (var p in info.Type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic))
        {
            if (p.GetMethod is not { IsAssembly: true } || p.SetMethod is null || p.GetIndexParameters().Length > 0) continue;
            var property = info.CreateJsonPropertyInfo(p.PropertyType, JsonNamingPolicy.CamelCase.ConvertName(p.Name));
            property.Get = p.GetValue;
            property.Set = p.SetValue;
            info.Properties.Add(property);
        }
    }
}
