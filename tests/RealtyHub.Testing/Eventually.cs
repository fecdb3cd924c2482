namespace RealtyHub.Testing;

/// <summary>Waits for durable state that changes in the background (a reminder firing, a row appearing).</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> until, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(until);
        using var cancel = new CancellationTokenSource(timeout);
        T last;
        do
        {
            last = await read();
            if (until(last))
            {
                return last;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancel.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        while (true);

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {last}");
    }
}
