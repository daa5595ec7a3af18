namespace Queue.Display;

/// <summary>Marks this assembly for the host's router; the screens are the .razor pages in Screens/.</summary>
public static class DisplayAssembly;
