namespace Queue.Silo.Tickets;

/// <summary>办结类型: 即办, 承诺件, 补办 (one-time notice of missing materials), 退回.</summary>
public enum TicketOutcome { Done, Promised, SupplementRequired, Rejected }
