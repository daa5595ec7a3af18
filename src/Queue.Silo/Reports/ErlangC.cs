namespace Queue.Silo.Reports;

/// <summary>The M/M/c queue's mean wait (Erlang C): Poisson arrivals, exponential service, c windows sharing one line.</summary>
public static class ErlangC
{
    public static double MeanWaitMinutes(double arrivalsPerHour, double meanServiceMinutes, int windows)
    {
        if (arrivalsPerHour <= 0) return 0;
        if (windows <= 0) return double.PositiveInfinity;
        var a = arrivalsPerHour * meanServiceMinutes / 60; // offered load in erlangs
        if (a >= windows) return double.PositiveInfinity;
        double term = 1, sum = 0;
        for (var k = 0; k < windows; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }
        var top = term * windows / (windows - a); // a^c / c! · c / (c − a)
        var pWait = top / (sum + top);
        return pWait * meanServiceMinutes / (windows - a);
    }

    /// <summary>The fewest windows whose mean wait stays within <paramref name="targetMinutes"/>.</summary>
    public static int WindowsFor(double arrivalsPerHour, double meanServiceMinutes, double targetMinutes, int max = 200)
    {
        if (arrivalsPerHour <= 0) return 0;
        for (var c = 1; c <= max; c++)
            if (MeanWaitMinutes(arrivalsPerHour, meanServiceMinutes, c) <= targetMinutes) return c;
        return max;
    }
}
