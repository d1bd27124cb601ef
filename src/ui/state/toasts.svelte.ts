// Short-lived notices at the bottom of the screen, optionally with one action (e.g. Undo).

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

export class Toasts {
  #items = $state<Toast[]>([]);
  #nextId = 1;

  get items(): readonly Toast[] {
    return this.#items;
  }

  show(message: string, options: { tone?: Toast['tone']; action?: Toast['action']; ms?: number } = {}): void {
    const toast: Toast = { id: this.#nextId++, message, tone: options.tone ?? 'info', action: options.action };
    this.#items = [...this.#items, toast];
    setTimeout(() => this.dismiss(toast.id), options.ms ?? (options.action ? 10_000 : 5_000));
  }

  dismiss(id: number): void {
    this.#items = this.#items.filter((t) => t.id !== id);
  }
}
