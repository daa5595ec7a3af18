namespace Queue.Silo.Calendar;

/// <summary>A public holiday (法定节假日, closed) or a make-up working day (调休上班, open although a weekend).</summary>
public enum CalendarDayKind { Holiday, WorkingDay }
