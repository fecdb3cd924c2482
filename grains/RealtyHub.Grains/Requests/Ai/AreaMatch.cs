namespace RealtyHub.Grains.Requests.Ai;

/// <summary>Where an area was named in a text: its canonical name and the span of the words used.</summary>
public sealed record AreaMatch(string Name, int Index, int Length);
