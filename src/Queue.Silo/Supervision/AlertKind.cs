namespace Queue.Silo.Supervision;

/// <summary>What a supervision alert is about.</summary>
public enum AlertKind
{
    /// <summary>A ticket has waited past the hall's target wait.</summary>
    LongWait,

    /// <summary>A window stands idle while tickets it could serve wait.</summary>
    IdleWindow,

    /// <summary>A service has run far past its norm.</summary>
    ServiceOverNorm,

    /// <summary>A window is closed in opening hours while its services have a queue.</summary>
    ClosedWithQueue,
}
