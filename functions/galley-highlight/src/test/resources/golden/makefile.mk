CC ?= gcc
CFLAGS := -O2 -Wall
SRC = $(wildcard src/*.c)
OBJ = $(SRC:.c=.o)

.PHONY: all clean

all: galley

galley: $(OBJ)
	$(CC) $(CFLAGS) -o $@ $^

# remove build output
clean:
	rm -f $(OBJ) galley

ifeq ($(DEBUG),1)
CFLAGS += -g
endif
