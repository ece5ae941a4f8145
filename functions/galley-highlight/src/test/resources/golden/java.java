@Service
public class OrderService {
    private static final int MAX_ITEMS = 100;
    private final OrderRepository orders;

    public Order place(String customerId, List<Item> items) {
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("too many items: " + items.size());
        }
        var total = items.stream().mapToLong(Item::priceCents).sum(); // cents
        return orders.save(new Order(customerId, items, total, Instant.now()));
    }
}
