using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Queue.Web.Auth;

/// <summary>
/// An interactive page (administration, reports) lives on in its circuit after sign-in; every 30 s the circuit asks
/// whether its account is still as it was (<see cref="AccountStamps"/>), so a disabled account's open page signs out too.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory logs, AccountStamps stamps) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        state.User.Identity?.IsAuthenticated == true ? stamps.IsCurrentAsync(state.User, cancellationToken) : Task.FromResult(true);
}
