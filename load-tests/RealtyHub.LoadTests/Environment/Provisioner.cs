using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace RealtyHub.LoadTests.Environment;

/// <summary>Creates the load-test brokerages and their members through the platform API, as the platform admin.</summary>
public static class Provisioner
{
    public static string WhatsAppNumberOf(int brokerage) => $"+97145{brokerage + 100000:D6}";

    public static async Task<IReadOnlyList<BrokerageSetup>> ProvisionAsync(
        Uri web, int brokerages, int agentsEach, int supervisorsEach, int expertsEach, CancellationToken cancellationToken)
    {
        using var admin = await SignedInClient.SignInAsync(web, HubEnvironment.AdminEmail, HubEnvironment.Password, cancellationToken);
        var result = new List<BrokerageSetup>();
        for (var b = 0; b < brokerages; b++)
        {
            var id = $"load-{b:D3}";
            var number = WhatsAppNumberOf(b);
            using (var created = await admin.Http.PostAsJsonAsync("api/platform/brokerages",
                new { brokerageId = id, name = $"Load Test Realty {b}", whatsAppNumbers = new[] { number } }, cancellationToken))
            {
                await EnsureSuccessAsync(created, $"creating brokerage {id}", cancellationToken);
            }

            async Task<IReadOnlyList<Member>> AddAsync(string role, int count)
            {
                var members = new List<Member>();
                for (var i = 0; i < count; i++)
                {
                    var email = $"{role.ToLowerInvariant()}{i}@{id}.load";
                    using var response = await admin.Http.PostAsJsonAsync($"api/platform/brokerages/{id}/members",
                        new { email, displayName = $"{role} {i}", role, password = HubEnvironment.Password, capacity = 50 }, cancellationToken);
                    await EnsureSuccessAsync(response, $"adding {email}", cancellationToken);
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                    members.Add(new Member(body.GetProperty("userId").GetString()!, email));
                }

                return members;
            }

            result.Add(new BrokerageSetup(id, number, await AddAsync("Agent", agentsEach), await AddAsync("Supervisor", supervisorsEach), await AddAsync("Expert", expertsEach)));
        }

        return result;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Provisioning failed {what}: {(int)response.StatusCode} {body}"));
        }
    }
}
