namespace Queue.Silo.Reports;

/// <summary>What a report's rows are keyed by (<c>by=</c> of design.md §4 "Reports").</summary>
public enum ReportGrouping { Day, Hour, Service, Category, Window, Staff, Channel }
