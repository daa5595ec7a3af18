using Microsoft.Extensions.Localization;
using Queue.Display.Shared;
using Microsoft.AspNetCore.SignalR;
using Queue.Silo.Engine;
using Queue.Silo.Ratings;

namespace Queue.Web.Ratings;

/// <summary>
/// The evaluator pad's hub group. Only a paired pad (it presents its window's device key) may join, so
/// rating invitations reach the tablet at the window and nobody else. See docs/decisions/0061.
/// </summary>
public static class PadChannel
{
    public static string Group(string hallId, string windowId) => $"pad:{hallId}:{windowId}";

    public static async Task<PadView> JoinAsync(Hub hub, string hallId, string windowId, string? key)
    {
        if (string.IsNullOrEmpty(hallId) || hallId.Length > 64 || string.IsNullOrEmpty(windowId) || windowId.Length > 64)
            throw new HubException("Unknown window.");
        var services = hub.Context.GetHttpContext()?.RequestServices ?? throw new HubException("No request context.");
        var pads = services.GetRequiredService<RatingPads>();
        if (!await pads.IsPairedAsync(hallId, windowId, key)) throw new HubException("This pad is not paired with the window.");
        try
        {
            var view = await services.GetRequiredService<PadDesk>().ViewAsync(hallId, windowId);
            await hub.Groups.AddToGroupAsync(hub.Context.ConnectionId, Group(hallId, windowId));
            return view;
        }
        catch (HallException e) { throw new HubException(services.GetRequiredService<IStringLocalizer<Refusals>>().Of(e)); }
    }
}
