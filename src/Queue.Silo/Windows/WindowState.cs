namespace Queue.Silo.Windows;

/// <summary>A window is closed, open and idle, paused, or serving a called ticket.</summary>
public enum WindowState { Closed, Open, Paused, Serving }
