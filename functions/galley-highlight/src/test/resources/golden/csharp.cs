using System.Text.Json;

namespace Galley.Demo;

[ApiController]
public sealed class OrdersController : ControllerBase
{
    private readonly IOrderStore _store;

    public async Task<IActionResult> Get(int id)
    {
        var order = await _store.FindAsync(id);
        if (order is null) return NotFound();
        Console.WriteLine($"found {order.Id}");
        var path = @"C:\orders\";
        return Ok(JsonSerializer.Serialize(order));
    }
}
