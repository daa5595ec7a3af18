namespace Queue.Tests.Pages;

/// <summary>
/// Browser tests that measure time (first paint on an emulated slow network, colours sampled every animation frame)
/// run alone, after the parallel collections: on a 2-core machine a parallel browser test would otherwise decide the
/// figure, not the page.
/// </summary>
[CollectionDefinition("Timing", DisableParallelization = true)]
public sealed class TimingCollection;
