namespace Queue.Silo.Tickets;

public enum TicketStatus { Waiting, Called, Serving, Done, NoShow, Cancelled }
