namespace IntegrationTests.Infrastructure;

/// <summary>Polls until an asynchronous effect (an event handled in another module) is visible.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition was not met in time; last value: {value}");
            }

            await Task.Delay(50);
        }
    }
}
