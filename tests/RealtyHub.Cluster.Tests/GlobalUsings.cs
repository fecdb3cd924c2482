global using Orleans.TestingHost;
global using RealtyHub.Grains;
global using RealtyHub.Testing;
global using Microsoft.Extensions.DependencyInjection;
