/*
 * prompt.c — arrow-key choices in raw terminal mode (prompt.h).
 *
 * Canonical mode and echo are switched off, so each key arrives at once;
 * ISIG stays on, so Ctrl-C still sends SIGINT, whose handler (term.c)
 * records it; the key loop polls and sees it within 100 ms. A 0x03 byte (a
 * terminal without ISIG) counts as Ctrl-C too. The choice lines are redrawn in place, and on return
 * replaced by one line with the answer.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "pipeline.h"
#include "prompt.h"

enum
{
	KEY_NONE,
	KEY_UP,
	KEY_DOWN,
	KEY_ENTER,
	KEY_INTERRUPT,
	KEY_DIGIT					/* + the digit */
};

/*
 * One byte of input: false on Ctrl-C or when the terminal went away. The
 * wait is a poll with a short timeout, so a SIGINT that lands just before
 * the wait starts is seen too.
 */
static bool
read_byte(unsigned char *c)
{
	for (;;)
	{
		struct pollfd p;
		ssize_t		n;
		int			ready;

		if (cli_interrupted())
			return false;
		p.fd = STDIN_FILENO;
		p.events = POLLIN;
		p.revents = 0;
		ready = poll(&p, 1, 100);
		if (ready == 0 || (ready < 0 && errno == EINTR))
			continue;
		if (ready < 0)
			return false;
		n = read(STDIN_FILENO, c, 1);
		if (n == 1)
			return true;
		if (n < 0 && errno == EINTR)
			continue;
		return false;
	}
}

/* One key press: reads an escape sequence whole. */
static int
read_key(void)
{
	unsigned char c;
	unsigned char seq[2];

	if (!read_byte(&c) || c == 3)
		return KEY_INTERRUPT;
	if (c == '\r' || c == '\n')
		return KEY_ENTER;
	if (c == 'k')
		return KEY_UP;
	if (c == 'j')
		return KEY_DOWN;
	if (c >= '1' && c <= '9')
		return KEY_DIGIT + (c - '0');
	if (c != 27)
		return KEY_NONE;
	/* ESC [ A / ESC O A: up; B: down */
	if (!read_byte(&seq[0]) || !read_byte(&seq[1]))
		return cli_interrupted() ? KEY_INTERRUPT : KEY_NONE;
	if (seq[0] != '[' && seq[0] != 'O')
		return KEY_NONE;
	return seq[1] == 'A' ? KEY_UP : seq[1] == 'B' ? KEY_DOWN : KEY_NONE;
}

static void
draw(const char *const *choices, int n, int selected)
{
	int			i;

	for (i = 0; i < n; i++)
		fprintf(stderr, "\r\033[K%s%s %s%s\n",
				i == selected ? cli_colour_of(stderr, CLI_CYAN) : "",
				i == selected ? ">" : " ", choices[i],
				i == selected ? cli_colour_of(stderr, CLI_RESET) : "");
	fflush(stderr);
}

int
cli_select(const char *question, const char *const *choices, int n)
{
	cli_pipeline_forget();		/* the answer may take a while */
	struct termios saved;
	struct termios raw;
	int			selected = 0;
	int			key = KEY_NONE;

	if (tcgetattr(STDIN_FILENO, &saved) != 0)
		return -1;
	raw = saved;
	raw.c_lflag &= ~(tcflag_t) (ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSANOW, &raw);

	fprintf(stderr, "%s?%s %s%s%s\n", cli_colour_of(stderr, CLI_MAGENTA),
			cli_colour_of(stderr, CLI_RESET), cli_colour_of(stderr, CLI_BOLD), question,
			cli_colour_of(stderr, CLI_RESET));
	fputs("\033[?25l", stderr); /* hide the cursor */
	draw(choices, n, selected);
	while (key != KEY_ENTER && key != KEY_INTERRUPT)
	{
		key = read_key();
		if (key == KEY_UP)
			selected = (selected + n - 1) % n;
		else if (key == KEY_DOWN)
			selected = (selected + 1) % n;
		else if (key > KEY_DIGIT && key - KEY_DIGIT <= n)
		{
			selected = key - KEY_DIGIT - 1;
			key = KEY_ENTER;
		}
		else
			continue;
		fprintf(stderr, "\033[%dA", n);
		draw(choices, n, selected);
	}
	/* the choice lines become one line with the answer */
	fprintf(stderr, "\033[%dA\r\033[J", n);
	if (key == KEY_ENTER)
		fprintf(stderr, "  %s%s%s\n", cli_colour_of(stderr, CLI_GREEN), choices[selected],
				cli_colour_of(stderr, CLI_RESET));
	else
		fputs("  ^C\n", stderr);
	fputs("\033[?25h", stderr);
	fflush(stderr);
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return key == KEY_ENTER ? selected : -1;
}
