#include <vector>
#include <memory>

template <typename T>
class RingBuffer {
public:
    explicit RingBuffer(std::size_t capacity) : data_(capacity) {}

    bool push(const T& value) noexcept {
        if (size_ == data_.size()) return false;
        data_[(head_ + size_++) % data_.size()] = value;
        return true;
    }

private:
    std::vector<T> data_;
    std::size_t head_ = 0, size_ = 0;
};

auto buffer = std::make_unique<RingBuffer<int>>(1024);
