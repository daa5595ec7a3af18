namespace Queue.Silo.Supervision;

/// <summary>电子监察 levels: yellow (预警) asks for attention, red (告警) for action now.</summary>
public enum AlertLevel { Yellow, Red }
