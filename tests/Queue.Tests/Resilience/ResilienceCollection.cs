namespace Queue.Tests.Resilience;

/// <summary>
/// Tests that run whole server processes under load (kill -9, two nodes, nginx) run alone, after the parallel
/// collections: on a 2-core machine they and the browser tests otherwise fight for the CPU, and a page or an
/// event then misses its time for the machine's sake, not the product's.
/// </summary>
[CollectionDefinition("Resilience", DisableParallelization = true)]
public sealed class ResilienceCollection;
